import { useState } from 'react';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TradingParametersView } from '../../../../../common/api/trading';
import { useT } from '../../../i18n/locale';
import { useDebounced } from '../../../lib/use-debounced';
import { useCounterparties } from '../api/search-counterparties';
import { serverNow } from '../api/server-clock';
import { YuanInput } from './money';

const required = (message: string) => [{ required: true, message }];

/** 挂牌: base price and listing period. */
export function ListingFields({ parameters }: { parameters?: TradingParametersView }) {
  const t = useT();
  const min = parameters?.listingDaysMin.value ?? 1;
  const max = parameters?.listingDaysMax.value ?? 365;
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item name="basePriceFen" label={t('trading.basePrice')} rules={required(t('common.required'))}>
          <YuanInput testId="base-price-input" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="listingDays"
          label={t('trading.listingDays')}
          extra={t('trading.listingDaysHint', { min, max })}
          rules={required(t('common.required'))}
        >
          <InputNumber<number>
            min={min}
            max={max}
            precision={0}
            suffix={t('trading.daysUnit')}
            style={{ width: '100%' }}
            data-testid="listing-days-input"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** 拍卖: prices, deposit and the bidding window, within the parameters in force. */
export function AuctionFields({ parameters }: { parameters?: TradingParametersView }) {
  const t = useT();
  const announceDays = parameters?.auctionAnnounceDays.value ?? 7;
  const minBidding = parameters?.minBiddingMinutes.value ?? 30;
  const depositMin = parameters?.depositPercentMin.value ?? 5;
  const depositMax = parameters?.depositPercentMax.value ?? 20;
  const earliest = dayjs(serverNow()).add(announceDays, 'day');
  const startsAt = Form.useWatch('startsAt') as dayjs.Dayjs | undefined;
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item name="startingPriceFen" label={t('trading.startingPrice')} rules={required(t('common.required'))}>
          <YuanInput testId="starting-price-input" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="incrementFen" label={t('trading.increment')} rules={required(t('common.required'))}>
          <YuanInput testId="increment-input" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="reservePriceFen" label={t('trading.reserve')} extra={t('trading.reserveHint')}>
          <YuanInput testId="reserve-input" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="depositPercent"
          label={t('trading.depositPercent')}
          extra={t('trading.depositPercentHint', { min: depositMin, max: depositMax })}
          rules={required(t('common.required'))}
        >
          <InputNumber<number>
            min={depositMin}
            max={depositMax}
            precision={0}
            suffix="%"
            style={{ width: '100%' }}
            data-testid="deposit-percent-input"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="startsAt"
          label={t('trading.biddingOpens')}
          extra={t('trading.announceHint', { n: announceDays })}
          rules={required(t('common.required'))}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isBefore(earliest, 'day')}
            style={{ width: '100%' }}
            data-testid="starts-at-input"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="endsAt"
          label={t('trading.biddingCloses')}
          extra={t('trading.minBiddingHint', { n: minBidding })}
          rules={required(t('common.required'))}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isBefore(startsAt ?? earliest, 'day')}
            style={{ width: '100%' }}
            data-testid="ends-at-input"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

function CounterpartySelect({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const t = useT();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q, 300);
  const results = useCounterparties(debounced);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder={t('trading.buyerSearch')}
      notFoundContent={debounced ? t('trading.noCounterparty') : null}
      loading={results.isFetching}
      options={(results.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name} · ${o.regionName}` }))}
      data-testid="buyer-select"
    />
  );
}

/** 协议定价: the buyer, the agreed price, what the notice says, and the related-party declaration. */
export function AgreementFields({ parameters }: { parameters?: TradingParametersView }) {
  const t = useT();
  const related = Form.useWatch('relatedParty') as boolean | undefined;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('trading.agreementHint', { n: parameters?.noticeDays.value ?? 15 })}</Typography.Paragraph>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="buyerOrganizationId" label={t('trading.buyer')} rules={required(t('common.required'))}>
            <CounterpartySelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="priceFen" label={t('trading.agreedPrice')} rules={required(t('common.required'))}>
            <YuanInput testId="agreed-price-input" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="summary"
        label={t('trading.noticeSummary')}
        rules={[{ required: true, whitespace: true, min: 10, message: t('trading.atLeast', { n: 10 }) }]}
      >
        <Input.TextArea rows={4} maxLength={3000} showCount data-testid="notice-summary-input" />
      </Form.Item>
      <Form.Item
        name="relatedParty"
        label={t('trading.relatedPartyQuestion')}
        valuePropName="checked"
        extra={t('trading.relatedPartyHint')}
      >
        <Switch data-testid="related-party-switch" />
      </Form.Item>
      {related && (
        <Form.Item name="relationNote" label={t('trading.relationNote')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      )}
    </>
  );
}
