import { Suspense } from 'react';
import { Flex, Layout, Typography } from 'antd';
import { Link, Outlet } from 'react-router';
import { useT } from '../../i18n/locale';
import { FullPageSpin } from '../guards';
import { LangSwitch } from './LangSwitch';

/** Login and registration: the brand, the language switch and a centred card. */
export function PublicLayout() {
  const t = useT();
  return (
    <Layout style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #e6f0fa 0%, #f5f7fa 60%)' }}>
      <Layout.Header style={{ background: 'transparent', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Link to="/" style={{ color: 'inherit' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('app.brand')} <span style={{ fontWeight: 400, color: '#8c8c8c' }}>{t('app.brandLatin')}</span>
          </Typography.Title>
        </Link>
        <LangSwitch />
      </Layout.Header>
      <Layout.Content>
        <Flex vertical align="center" gap={24} style={{ padding: '32px 16px 64px' }}>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Flex>
      </Layout.Content>
    </Layout>
  );
}
