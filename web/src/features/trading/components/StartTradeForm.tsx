import { useEffect } from 'react';
import { Alert, Button, Divider, Form, Input, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import type { Approval, PricingBasis, TradeRoute } from '../../../../../common/api/trading';
import { TRADE_ROUTES, TRADE_ROUTE_LABELS } from '../../../../../common/api/trading';
import { TRANSFER_MODE_LABELS, type TransferMode } from '../../../../../common/catalog';
import { useLabel, useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useCreateAuction } from '../api/create-auction';
import { useCreateListing } from '../api/create-listing';
import { useCreateNotice } from '../api/create-notice';
import { useTradingParameters } from '../api/get-parameters';
import { useTradableAchievements } from '../api/list-tradable-achievements';
import { DossierFields } from './DossierFields';
import { AgreementFields, AuctionFields, ListingFields } from './RouteFields';

interface Values {
  achievementId: string;
  route: TradeRoute;
  transferMode: TransferMode;
  description?: string;
  basePriceFen?: number;
  listingDays?: number;
  startingPriceFen?: number;
  incrementFen?: number;
  reservePriceFen?: number | null;
  depositPercent?: number;
  startsAt?: Dayjs;
  endsAt?: Dayjs;
  buyerOrganizationId?: string;
  priceFen?: number;
  summary?: string;
  relatedParty?: boolean;
  relationNote?: string;
  pricingBasis?: Omit<PricingBasis, 'reportDate'> & { reportDate?: Dayjs | null };
  approvals?: (Omit<Approval, 'decidedOn'> & { decidedOn: Dayjs })[];
}

const blankToUndefined = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

function dossier(values: Values) {
  const basis = values.pricingBasis;
  return {
    pricingBasis: basis?.method
      ? {
          method: basis.method,
          appraiser: blankToUndefined(basis.appraiser),
          appraisedValueFen: basis.appraisedValueFen ?? undefined,
          reportNumber: blankToUndefined(basis.reportNumber),
          reportDate: basis.reportDate ? basis.reportDate.format('YYYY-MM-DD') : undefined,
          note: blankToUndefined(basis.note),
        }
      : null,
    approvals: (values.approvals ?? []).map((a) => ({
      body: a.body.trim(),
      decision: a.decision.trim(),
      decidedOn: a.decidedOn.format('YYYY-MM-DD'),
      reference: blankToUndefined(a.reference),
    })),
  };
}

/** Put one of my published achievements up for trading: choose the route, fill its parameters and the dossier. */
export function StartTradeForm({ achievementId, onDone }: { achievementId?: string; onDone?: () => void }) {
  const t = useT();
  const label = useLabel();
  const navigate = useNavigate();
  const onProblem = useProblemHandler();
  const [form] = Form.useForm<Values>();
  const achievements = useTradableAchievements(true);
  const parameters = useTradingParameters().data;
  const createListing = useCreateListing();
  const createAuction = useCreateAuction();
  const createNotice = useCreateNotice();
  const route = Form.useWatch('route', form);
  const chosenId = Form.useWatch('achievementId', form);
  const chosen = achievements.data?.items.find((a) => a.id === chosenId);
  const pending = createListing.isPending || createAuction.isPending || createNotice.isPending;

  // The achievement's own modes come first; its summary starts the notice text.
  useEffect(() => {
    if (!chosen) return;
    if (!chosen.transferModes.includes(form.getFieldValue('transferMode') as TransferMode))
      form.setFieldValue('transferMode', chosen.transferModes[0]);
    if (!form.getFieldValue('summary')) form.setFieldValue('summary', chosen.summary.slice(0, 3000));
  }, [chosen, form]);

  const submit = async (values: Values) => {
    const common = { achievementId: values.achievementId, transferMode: values.transferMode, ...dossier(values) };
    const description = blankToUndefined(values.description);
    try {
      if (values.route === 'listing') {
        const created = await createListing.mutateAsync({
          ...common,
          description,
          basePriceFen: values.basePriceFen!,
          listingDays: values.listingDays!,
        });
        navigate(`/trading/listings/${created.id}`);
      } else if (values.route === 'auction') {
        const created = await createAuction.mutateAsync({
          ...common,
          description,
          startingPriceFen: values.startingPriceFen!,
          incrementFen: values.incrementFen!,
          reservePriceFen: values.reservePriceFen ?? null,
          depositPercent: values.depositPercent!,
          startsAt: values.startsAt!.toISOString(),
          endsAt: values.endsAt!.toISOString(),
        });
        navigate(`/trading/auctions/${created.id}`);
      } else {
        const created = await createNotice.mutateAsync({
          ...common,
          buyerOrganizationId: values.buyerOrganizationId!,
          priceFen: values.priceFen!,
          summary: values.summary!.trim(),
          relatedParty: !!values.relatedParty,
          relationNote: values.relatedParty ? blankToUndefined(values.relationNote) : undefined,
        });
        navigate(`/trading/notices/${created.id}`);
      }
      onDone?.();
    } catch (e) {
      onProblem(e, form);
    }
  };

  const noneTradable = achievements.isSuccess && achievements.data.items.length === 0;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{
        achievementId,
        route: 'listing',
        listingDays: 20,
        depositPercent: parameters?.depositPercentMin.value ?? 10,
        relatedParty: false,
        approvals: [],
      }}
      data-testid="start-trade-form"
    >
      {noneTradable && <Alert type="info" showIcon title={t('trading.noTradable')} style={{ marginBottom: 16 }} />}
      <Form.Item name="achievementId" label={t('trading.achievement')} rules={[{ required: true, message: t('common.required') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={achievements.isPending}
          options={(achievements.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
          data-testid="achievement-select"
        />
      </Form.Item>
      <Form.Item name="route" label={t('trading.route')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={TRADE_ROUTES.map((r) => ({ value: r, label: label(TRADE_ROUTE_LABELS[r]) }))}
          data-testid="route-choice"
        />
      </Form.Item>
      <Typography.Paragraph type="secondary">{route && t(`trading.routeHint.${route}`)}</Typography.Paragraph>
      <Form.Item name="transferMode" label={t('trading.transferMode')} rules={[{ required: true, message: t('common.required') }]}>
        <Select
          options={(chosen?.transferModes ?? []).map((m) => ({ value: m, label: label(TRANSFER_MODE_LABELS[m]) }))}
          data-testid="transfer-mode-select"
        />
      </Form.Item>
      {route === 'listing' && <ListingFields parameters={parameters} />}
      {route === 'auction' && <AuctionFields parameters={parameters} />}
      {route === 'agreement' && <AgreementFields parameters={parameters} />}
      {route !== 'agreement' && (
        <Form.Item name="description" label={t('trading.description')}>
          <Input.TextArea rows={3} maxLength={3000} showCount />
        </Form.Item>
      )}
      <Divider titlePlacement="start">{t('trading.dossierInputs')}</Divider>
      <DossierFields />
      <Button type="primary" htmlType="submit" loading={pending} disabled={noneTradable} data-testid="start-trade-submit">
        {t(`trading.startSubmit.${route ?? 'listing'}`)}
      </Button>
    </Form>
  );
}
