import type { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { Link, Navigate, useLocation, useRouteError } from 'react-router';
import type { Permission } from '../../../common/roles';
import { useT } from '../i18n/locale';
import { hasPermission, loggedOutOnPurposeNow, useMe } from '../lib/auth';

export function FullPageSpin() {
  const t = useT();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '50vh' }}>
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}

/** Renders its children for a logged-in user; sends everyone else to /login and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    return <Result status="warning" title={me.error.message} extra={<Button onClick={() => me.refetch()}>↻</Button>} />;
  }
  if (!me.data) {
    return <Navigate to="/login" replace state={loggedOutOnPurposeNow() ? null : { from: location.pathname + location.search }} />;
  }
  return children;
}

/** The API refuses the calls anyway; this only spares the user a page of errors. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const t = useT();
  const me = useMe();
  if (!hasPermission(me.data, permission)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('app.forbidden')}
        extra={
          <Link to="/">
            <Button type="primary">{t('app.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return children;
}

export function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('app.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** What a page that crashed shows instead of React Router's developer screen. */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  return (
    <Result
      status="error"
      title={t('app.crashed')}
      subTitle={error instanceof Error ? error.message : undefined}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.refresh')}
        </Button>
      }
    />
  );
}
