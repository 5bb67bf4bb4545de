// Filipino texts of the job-offer check, translated from en.ts with the English loanwords Filipinos commonly write; a
// native speaker should still review the tone. Every missing text falls back to English, and
// `npm run translations:missing` lists what is left to translate.
import type { PartialPreventionCatalogue } from './catalogue.js';

export const fil: PartialPreventionCatalogue = {
  flags: {
    reported_in_registry:
      'May nag-ulat na sa phone number, kumpanya, link o account na ito bilang kahina-hinalang recruiter, at nasuri na ng aming team ang ulat.',
    compound_area_destination:
      'Ang trabaho ay nasa, o dadaan sa, lugar kung saan maraming tao ang ikinulong sa mga scam compound at pinilit na manloko ng ibang tao online.',
    overland_third_country_route:
      'Ang huling bahagi ng biyahe ay pagtawid ng border sakay ng sasakyan o bangka, o naglalakad. Ang mga dinadala sa scam compound ay kadalasang pinalilipad muna sa isang bansa, saka ibinibiyahe sa lupa papunta sa ibang bansa.',
    tourist_visa_for_work:
      'Magtatrabaho ka nang walang work visa. Dahil dito, wala kang legal na proteksyon sa ibang bansa, at madali kang mapagbabantaan ng employer.',
    passport_held:
      'Ibang tao ang hahawak ng iyong pasaporte. Kapag wala ito, hindi ka makakaalis, hindi ka malayang makakagalaw, at mahihirapan kang humingi ng tulong. Sa karamihan ng bansa, labag sa batas ang pagtatago ng pasaporte ng manggagawa.',
    recruitment_fee_or_debt:
      'Magbabayad ka ng fee o magkakautang bago o pagkatapos mong magsimula. Ang utang sa recruiter o employer ay isa sa pinakakaraniwang paraan para hindi makaalis ang mga tao sa trabahong gusto na nilang iwan.',
    salary_far_above_market:
      'Mas mataas nang malaki ang sahod kaysa sa karaniwang kita ng ganitong trabaho doon. Ang mga alok na sobrang ganda ay madalas ginagamit para madaliin ang mga tao na umalis.',
    no_experience_high_pay:
      'Nangangako ang alok ng mataas na sahod para sa trabahong hindi kailangan ng experience o skills. Bihirang magbayad ang totoong employer nang mas mataas nang malaki sa karaniwan para sa trabahong kayang gawin ng kahit sino.',
    scam_job_family:
      'Ang mga trabahong customer service, online marketing, typing, chat, crypto at online gaming sa lugar na ito ang pinakamadalas i-advertise ng mga scam compound.',
    recruiter_pays_travel:
      'Nag-aalok ang recruiter na bayaran ang iyong flight o visa. Madalas itong ginagawang utang pagkatapos, at ibig sabihin nito ay ibang tao ang may kontrol sa iyong biyahe.',
    employer_unverifiable:
      'Walang makapagkumpirma na totoo ang employer. Ang totoong kumpanya ay may pangalan, address at phone number na kaya mong suriin mismo.',
    messaging_app_only_contact:
      'Sa chat app lang makakausap ang recruiter, at walang pangalan ng kumpanya o website. Ang ganitong account ay puwedeng mawala sa isang iglap.',
    recruited_via_social_media_or_friend:
      'Dumating ang alok sa social media, chat app, ahenteng walang lisensya, o kaibigan. Maraming tao ang na-recruit sa ganitong paraan, madalas ng taong naloko rin.',
    secrecy:
      'Sinasabihan kang ilihim ang trabaho o sabihing bibiyahe ka bilang turista. Ang tapat na employer ay hindi nag-uutos na itago mo ang iyong trabaho sa pamilya mo o sa mga opisyal.',
    urgency_pressure:
      'Minamadali kang magdesisyon o umalis agad. Dahil sa pressure, wala kang oras para suriin ang alok, at iyon mismo ang kailangan ng scam.',
    language_requirement_pattern:
      'Ang hinihingi lang ng trabaho ay bilis sa pag-type, o English o Chinese, at wala nang ibang skill. Ganitong mga manggagawa mismo ang hinahanap ng mga scam compound.',
    licensed_agency_channel:
      'Binabanggit ng alok ang isang lisensyadong agency o government channel. Magandang senyales iyan, pero ikaw mismo ang sumuri ng lisensya sa kinauukulang ahensya, dahil ginagaya ng mga scammer ang mga pangalang ito.',
    work_visa_and_contract:
      'Binabanggit ng alok ang work visa, work permit o nakasulat na kontrata na may social security. Ganyan ang itsura ng maayos at legal na trabaho sa ibang bansa.',
    employer_pays_costs:
      'Ang employer ang magbabayad ng gastos sa recruitment at biyahe. Ganyan dapat ang patas na recruitment.',
    verifiable_employer:
      'Nagbibigay ang alok ng pangalan ng kumpanya, website o opisina kung saan puwede kang mag-apply nang personal, kaya masusuri mo kung sino ang employer.',
  },
  advice: {
    pause_before_accepting:
      'Huwag munang tanggapin ang alok, magpadala ng dokumento o bumiyahe hanggang hindi mo pa ito nasusuri. Nandiyan pa rin ang totoong trabaho pagkalipas ng ilang araw.',
    contact_embassy_before_leaving:
      'Bago ka umalis, kontakin ang embahada o konsulado ng bansa mo sa bansang pupuntahan mo, at i-save ang emergency number nito sa iyong phone.',
    verify_agency_with_authority:
      'Suriin ang agency sa placement authority ng bansa mo: BP2MI/KP2MI sa Indonesia, DMW sa Pilipinas, Department of Employment sa Thailand, JTKSM sa Malaysia, DOLAB sa Vietnam, o ang labor ministry ng Myanmar, Cambodia o Laos.',
    verify_employer_independently:
      'Ikaw mismo ang maghanap sa employer: ang sarili nitong website, address at phone number, hindi ang ibinigay ng recruiter. Hilinging makausap nang direkta ang employer.',
    never_hand_over_passport:
      'Huwag kailanman ibigay ang iyong pasaporte. Itago ito sa iyo, at mag-save ng litrato nito at ng iyong visa sa isang ligtas na lugar online.',
    never_pay_recruitment_fee:
      'Huwag magbayad ng recruitment fee o deposit, at huwag mangutang sa recruiter. Kung legal ang fee sa kaso mo, humingi ng opisyal na resibo.',
    insist_on_work_visa:
      'Bumiyahe lang kapag may work visa o work permit ka nang inilabas bago ang alis mo. Huwag pumayag na bumiyahe bilang turista at "palitan na lang ang visa mamaya".',
    refuse_overland_crossing:
      'Huwag pumayag na itawid ka sa border sakay ng sasakyan o bangka, o nang naglalakad. Kung magbago ang plano habang nasa biyahe, huminto at tawagan ang iyong embahada o pamilya.',
    question_unrealistic_salary:
      'Ikumpara ang sahod sa karaniwang sahod ng parehong trabaho doon. Kung mas mataas nang malaki, itanong kung bakit, at mag-ingat sa alok.',
    take_time_to_check:
      'Maglaan ng oras na kailangan mo. Huwag hayaang madaliin ka ng kahit sino na magdesisyon, pumirma o umalis.',
    get_written_contract:
      'Bago umalis, kumuha ng nakasulat na kontrata sa wikang naiintindihan mo, na may pangalan at address ng employer, sahod at oras ng trabaho, at magtabi ng kopya.',
    tell_family_exact_address:
      'Sabihin sa pamilya mo ang eksaktong pangalan at address ng employer at kung saan ka titira, at magkasundo kayo sa regular na oras ng pagtawag.',
    search_registry:
      'Hanapin ang phone number, kumpanya, account at mga link ng recruiter sa talaan ng mga naiulat na recruiter.',
    report_recruiter: 'Kung sa tingin mo ay scam ang alok, iulat ang recruiter sa talaan para mabalaan ang iba.',
  },
};
