import { App, Card, Radio, Skeleton, Typography } from 'antd';
import { useT } from '../../../i18n/locale';
import { useNotificationPreferences, useSetNotificationPreferences, type Preferences } from '../api/notification-preferences';

/** /account/notifications — whether notifications also come by e-mail: at once, in a daily digest, or not. */
export function NotificationPreferencesPage() {
  const t = useT();
  const { message } = App.useApp();
  const prefs = useNotificationPreferences();
  const save = useSetNotificationPreferences();
  return (
    <Card title={t('notif.prefsTitle')} style={{ maxWidth: 560 }}>
      <Typography.Paragraph type="secondary">{t('notif.prefsHint')}</Typography.Paragraph>
      {prefs.isPending ? (
        <Skeleton active />
      ) : (
        <Radio.Group
          value={prefs.data?.email}
          disabled={save.isPending}
          onChange={(e) =>
            save.mutate({ email: e.target.value as Preferences['email'] }, { onSuccess: () => message.success(t('notif.prefsSaved')) })
          }
          options={(['instant', 'daily', 'off'] as const).map((v) => ({
            value: v,
            label: <span data-testid={`notif-email-${v}`}>{t(`notif.email.${v}`)}</span>,
          }))}
        />
      )}
    </Card>
  );
}
