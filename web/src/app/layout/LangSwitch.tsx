import { Button } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { useUpdateMyLocale } from '../../features/account/api/update-my-locale';
import { useLocale, useT } from '../../i18n/locale';
import { useMe } from '../../lib/auth';

/** 中文 ⇄ EN. Remembered on this device, and saved with the account when someone is logged in. */
export function LangSwitch({ dark = false }: { dark?: boolean }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const me = useMe();
  const updateLocale = useUpdateMyLocale();

  const toggle = () => {
    const next = locale === 'en' ? 'zh-CN' : 'en';
    setLocale(next);
    // Saving the preference is a convenience; the switch itself never waits for or fails on it.
    if (me.data && me.data.via === 'session') updateLocale.mutate(next, { onError: () => undefined });
  };

  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      onClick={toggle}
      title={t('app.langSwitchTitle')}
      data-testid="lang-switch"
      style={dark ? { color: 'rgba(255,255,255,0.85)' } : undefined}
    >
      {t('app.langSwitch')}
    </Button>
  );
}
