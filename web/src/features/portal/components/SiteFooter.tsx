import { Flex, Typography } from 'antd';
import { useT } from '../../../i18n/locale';
import { useSiteInfo } from '../api/get-site';

/** The footer: brand, operator, contact and the ICP record number, all from configuration (GET /api/portal/site). */
export function SiteFooter() {
  const t = useT();
  const site = useSiteInfo().data;
  return (
    <Flex vertical align="center" gap={2} data-testid="site-footer" style={{ fontSize: 12 }}>
      <span>
        {t('app.brand')} {t('app.brandLatin')} · {t('app.tagline')}
      </span>
      {site && (
        <span>
          {t('portal.footer.operator')}：{site.operator} · {t('portal.footer.contact')}：{site.contact}
        </span>
      )}
      {site?.icp && (
        <Typography.Link href="https://beian.miit.gov.cn/" target="_blank" rel="noreferrer" style={{ fontSize: 12, color: '#8c8c8c' }}>
          {site.icp}
        </Typography.Link>
      )}
    </Flex>
  );
}
