// Vietnamese texts of the job-offer check, translated from en.ts; a native speaker should still review the tone. Every
// missing text falls back to English, and `npm run translations:missing` lists what is left to translate.
import type { PartialPreventionCatalogue } from './catalogue.js';

export const vi: PartialPreventionCatalogue = {
  flags: {
    reported_in_registry:
      'Đã có người báo cáo số điện thoại, công ty, đường link hoặc tài khoản này là người tuyển dụng đáng ngờ, và nhóm của chúng tôi đã kiểm tra báo cáo đó.',
    compound_area_destination:
      'Công việc này ở, hoặc phải đi qua, một nơi mà nhiều người đã bị giam giữ trong các khu lừa đảo và bị ép lừa người khác qua mạng.',
    overland_third_country_route:
      'Chặng cuối của chuyến đi là đi xe, đi thuyền hoặc đi bộ qua biên giới. Những người bị đưa vào các khu lừa đảo thường được cho bay đến một nước, rồi bị chuyển bằng đường bộ sang một nước khác.',
    tourist_visa_for_work:
      'Bạn sẽ làm việc mà không có thị thực lao động. Khi đó bạn không được pháp luật bảo vệ ở nước ngoài, và chủ lao động dễ dàng đe dọa bạn.',
    passport_held:
      'Người khác sẽ giữ hộ chiếu của bạn. Không có hộ chiếu, bạn không thể rời đi, không được tự do đi lại và khó nhờ giúp đỡ. Ở hầu hết các nước, giữ hộ chiếu của người lao động là trái pháp luật.',
    recruitment_fee_or_debt:
      'Bạn sẽ phải trả phí hoặc mắc nợ trước hoặc sau khi bắt đầu làm việc. Món nợ với người tuyển dụng hoặc chủ lao động là một trong những cách phổ biến nhất để trói buộc người lao động vào công việc mà họ muốn bỏ.',
    salary_far_above_market:
      'Mức lương cao hơn rất nhiều so với mức thường thấy của loại công việc này ở đó. Những lời mời nghe quá hấp dẫn thường được dùng để hối thúc người ta vội vàng lên đường.',
    no_experience_high_pay:
      'Lời mời hứa trả lương cao cho công việc không cần kinh nghiệm hay kỹ năng. Chủ lao động thật hiếm khi trả cao hơn nhiều so với thị trường cho công việc mà ai cũng làm được.',
    scam_job_family:
      'Các việc chăm sóc khách hàng, tiếp thị online, đánh máy, chat, tiền điện tử (crypto) và game online ở khu vực này là những việc mà các khu lừa đảo quảng cáo nhiều nhất.',
    recruiter_pays_travel:
      'Người tuyển dụng đề nghị trả tiền vé máy bay hoặc thị thực cho bạn. Khoản tiền đó sau này thường bị biến thành nợ, và như vậy là người khác đang kiểm soát chuyến đi của bạn.',
    employer_unverifiable:
      'Không ai xác nhận được rằng chủ lao động này có thật. Một công ty thật có tên, địa chỉ và số điện thoại mà bạn có thể tự kiểm tra.',
    messaging_app_only_contact:
      'Cách duy nhất để liên lạc với người tuyển dụng là qua ứng dụng nhắn tin, không có tên công ty hay trang web. Những tài khoản như vậy có thể biến mất bất cứ lúc nào.',
    recruited_via_social_media_or_friend:
      'Lời mời đến qua mạng xã hội, ứng dụng nhắn tin, người môi giới không có giấy phép hoặc một người bạn. Nhiều người đã được tuyển theo cách này, thường là bởi một người cũng từng bị lừa.',
    secrecy:
      'Bạn được yêu cầu giữ bí mật về công việc hoặc nói rằng mình đi du lịch. Chủ lao động đàng hoàng không bảo bạn giấu công việc với gia đình hay với cơ quan chức năng.',
    urgency_pressure:
      'Bạn bị hối thúc quyết định hoặc lên đường thật nhanh. Sức ép đó khiến bạn không có thời gian kiểm tra lời mời, và đó chính là điều kẻ lừa đảo cần.',
    language_requirement_pattern:
      'Công việc chỉ yêu cầu đánh máy nhanh, hoặc biết tiếng Anh hay tiếng Trung, không cần kỹ năng nào khác. Các khu lừa đảo tìm đúng những người lao động như vậy.',
    licensed_agency_channel:
      'Lời mời có nêu tên một công ty tuyển dụng có giấy phép hoặc một kênh của nhà nước. Đó là dấu hiệu tốt, nhưng hãy tự kiểm tra giấy phép với cơ quan có thẩm quyền, vì kẻ lừa đảo hay mạo danh những tên này.',
    work_visa_and_contract:
      'Lời mời có nhắc đến thị thực lao động, giấy phép lao động hoặc hợp đồng bằng văn bản có bảo hiểm xã hội. Một công việc hợp pháp ở nước ngoài thường có những điều này.',
    employer_pays_costs: 'Chủ lao động trả chi phí tuyển dụng và đi lại. Tuyển dụng công bằng là phải như vậy.',
    verifiable_employer:
      'Lời mời có tên công ty, trang web hoặc văn phòng nơi bạn có thể đến nộp đơn trực tiếp, nên bạn có thể kiểm tra chủ lao động là ai.',
  },
  advice: {
    pause_before_accepting:
      'Đừng nhận lời, gửi giấy tờ hay lên đường cho đến khi bạn đã kiểm tra lời mời. Một công việc thật vẫn sẽ còn đó sau vài ngày.',
    contact_embassy_before_leaving:
      'Trước khi đi, hãy liên hệ đại sứ quán hoặc lãnh sự quán của nước mình tại nước sẽ đến, và lưu số điện thoại khẩn cấp của họ vào điện thoại.',
    verify_agency_with_authority:
      'Hãy kiểm tra công ty đó với cơ quan quản lý lao động ngoài nước của nước bạn: BP2MI/KP2MI ở Indonesia, DMW ở Philippines, Cục Việc làm (Department of Employment) ở Thái Lan, JTKSM ở Malaysia, Cục Quản lý lao động ngoài nước (DOLAB) ở Việt Nam, hoặc bộ lao động của Myanmar, Campuchia hay Lào.',
    verify_employer_independently:
      'Hãy tự tìm thông tin về chủ lao động: trang web, địa chỉ và số điện thoại của chính họ, không phải những thông tin người tuyển dụng đưa cho bạn. Hãy đề nghị được nói chuyện trực tiếp với chủ lao động.',
    never_hand_over_passport:
      'Đừng bao giờ giao hộ chiếu cho người khác. Hãy tự giữ hộ chiếu, và lưu ảnh chụp hộ chiếu và thị thực ở một nơi an toàn trên mạng.',
    never_pay_recruitment_fee:
      'Đừng trả phí tuyển dụng hay tiền đặt cọc, và đừng vay tiền của người tuyển dụng. Nếu khoản phí là hợp pháp trong trường hợp của bạn, hãy lấy biên lai chính thức.',
    insist_on_work_visa:
      'Chỉ đi khi đã có thị thực lao động hoặc giấy phép lao động được cấp trước khi lên đường. Đừng đồng ý đi theo diện du lịch rồi "đổi visa sau".',
    refuse_overland_crossing:
      'Đừng đồng ý để người khác chở, dẫn đi bộ hoặc đưa bằng thuyền qua biên giới. Nếu kế hoạch thay đổi giữa đường, hãy dừng lại và gọi cho đại sứ quán hoặc gia đình.',
    question_unrealistic_salary:
      'Hãy so sánh mức lương với mức lương thường thấy của cùng công việc ở đó. Nếu cao hơn nhiều, hãy hỏi tại sao, và hãy thận trọng với lời mời đó.',
    take_time_to_check: 'Hãy dành đủ thời gian bạn cần. Đừng để ai hối thúc bạn quyết định, ký giấy tờ hay lên đường.',
    get_written_contract:
      'Trước khi đi, hãy có hợp đồng bằng văn bản bằng ngôn ngữ bạn hiểu, ghi rõ tên và địa chỉ chủ lao động, tiền lương và giờ làm việc, và giữ lại một bản.',
    tell_family_exact_address:
      'Hãy cho gia đình biết chính xác tên và địa chỉ của chủ lao động và nơi bạn sẽ ở, và hẹn giờ gọi điện cho nhau đều đặn.',
    search_registry:
      'Hãy tìm số điện thoại, công ty, tài khoản và đường link của người tuyển dụng trong danh sách người tuyển dụng bị báo cáo.',
    report_recruiter:
      'Nếu bạn nghĩ lời mời này là lừa đảo, hãy báo cáo người tuyển dụng vào danh sách để cảnh báo người khác.',
  },
};
