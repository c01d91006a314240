import { Flex, Typography } from 'antd';
import { LockOutlined, MailOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router';
import { useT } from '../../i18n/locale';

type Contact = { name: string; phone?: string; email?: string };

/** Contacts for members; visitors get `null` from the API and a link to log in instead. */
export function ContactsBlock({ contacts }: { contacts: readonly Contact[] | null }) {
  const t = useT();
  const location = useLocation();
  if (contacts === null) {
    return (
      <Link to="/login" state={{ from: location.pathname + location.search }} data-testid="login-for-contacts">
        <LockOutlined /> {t('record.loginForContacts')}
      </Link>
    );
  }
  if (contacts.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Flex vertical gap={4} data-testid="contacts">
      {contacts.map((c, i) => (
        <Flex key={i} gap={16} wrap>
          <span>
            <UserOutlined /> {c.name}
          </span>
          {c.phone && (
            <a href={`tel:${c.phone}`}>
              <PhoneOutlined /> {c.phone}
            </a>
          )}
          {c.email && (
            <a href={`mailto:${c.email}`}>
              <MailOutlined /> {c.email}
            </a>
          )}
        </Flex>
      ))}
    </Flex>
  );
}
