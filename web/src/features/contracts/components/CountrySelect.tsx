import { useMemo } from 'react';
import { Flex, Radio, Select } from 'antd';
import { useLocale, useT } from '../../../i18n/locale';

// ISO 3166-1 alpha-2 codes (names come from the browser's Intl.DisplayNames, in the reader's language).
const CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'.split(
    ' ',
  );

export function useCountryName(): (code: string) => string {
  const { locale } = useLocale();
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale === 'en' ? 'en' : 'zh-CN'], { type: 'region' });
    return (code: string) => {
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [locale]);
}

/**
 * Where a party is: in China (`CN`, the party then has a region and a credit code) or abroad (a
 * country). Hong Kong, Macao and Taiwan are outside the customs territory and count as abroad for
 * technology import and export (技术进出口), so they are picked here as countries.
 */
export function CountrySelect({
  value,
  onChange,
  id,
  disabled,
  testId,
}: {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
  disabled?: boolean;
  testId?: string;
}) {
  const t = useT();
  const name = useCountryName();
  const options = useMemo(
    () => CODES.map((c) => ({ value: c, label: `${name(c)} (${c})` })).sort((a, b) => a.label.localeCompare(b.label)),
    [name],
  );
  const domestic = (value ?? 'CN') === 'CN';
  return (
    <Flex gap={8} wrap>
      <Radio.Group
        id={id}
        value={domestic ? 'domestic' : 'abroad'}
        disabled={disabled}
        onChange={(e) => onChange?.(e.target.value === 'domestic' ? 'CN' : '')}
        optionType="button"
        data-testid={testId}
        options={[
          { value: 'domestic', label: t('contract.party.domestic') },
          { value: 'abroad', label: t('contract.party.abroad') },
        ]}
      />
      {!domestic && (
        <Select
          value={value || undefined}
          onChange={onChange}
          options={options}
          disabled={disabled}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('contract.party.country')}
          style={{ minWidth: 220, flex: 1 }}
          data-testid={testId && `${testId}-country`}
        />
      )}
    </Flex>
  );
}
