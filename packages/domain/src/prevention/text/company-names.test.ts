import { describe, expect, test } from 'vitest';
import { normaliseCompanyName } from './company-names.js';

describe('normaliseCompanyName', () => {
  test.each([
    ['Golden Fortune Co., Ltd.', 'golden fortune'],
    ['GOLDEN FORTUNE COMPANY LIMITED', 'golden fortune'],
    ['Golden Fortune Co.,Ltd', 'golden fortune'],
    ['XYZ (Thailand) Co., Ltd.', 'xyz'],
    ['Maju Jaya Sdn. Bhd.', 'maju jaya'],
    ['Maju Jaya Sendirian Berhad', 'maju jaya'],
    ['PT. Maju Jaya Abadi', 'maju jaya abadi'],
    ['PT Maju Jaya Abadi Tbk', 'maju jaya abadi'],
    ['CV Sinar Terang', 'sinar terang'],
    ['Lion Star Pte. Ltd.', 'lion star'],
    ['Star Group International Pte Ltd', 'star'],
    ['Pacific Link Inc.', 'pacific link'],
    ['Pacific Link Corporation', 'pacific link'],
    ['Pacific Link, LLC', 'pacific link'],
    ['Pacific Link Holdings Corp.', 'pacific link'],
    ['Công ty TNHH Thương mại Sao Mai', 'thuong mai sao mai'],
    ['CÔNG TY CỔ PHẦN SAO MAI', 'sao mai'],
    ['Công ty TNHH MTV Sao Mai', 'sao mai'],
    ['บริษัท โกลเด้น จำกัด (มหาชน)', 'โกลเด้น'],
    ['บริษัทโกลเด้นจำกัด', 'โกลเด้น'],
    ['金凤凰科技有限公司', '金凤凰科技'],
    ['金凤凰集团', '金凤凰'],
    ['金鳳凰股份有限公司', '金鳳凰'],
    ['Golden Phoenix Group (柬埔寨) 有限公司', 'golden phoenix'],
    ['Golden Phoenix Group (Kampot) Co Ltd', 'golden phoenix group kampot'],
  ])('%j is %j', (name, expected) => {
    expect(normaliseCompanyName(name)).toBe(expected);
  });

  test('a name that is nothing but legal forms is kept rather than emptied', () => {
    expect(normaliseCompanyName('Company Limited')).not.toBe('');
    expect(normaliseCompanyName('有限公司')).toBe('有限公司');
  });

  test('markup around or inside a name is dropped, so the name still matches', () => {
    expect(normaliseCompanyName('<img src=x onerror="alert(1)">Golden Fortune Co.')).toBe('golden fortune');
    expect(normaliseCompanyName('Golden <b>Fortune</b> Co., Ltd.')).toBe('golden fortune');
    expect(normaliseCompanyName('A < B Trading')).toBe('a b trading');
  });

  test('legal words inside a name are kept', () => {
    expect(normaliseCompanyName('Group Four Security Co Ltd')).toBe('group four security');
    expect(normaliseCompanyName('Ltd Commerce Pte Ltd')).toBe('ltd commerce');
  });
});
