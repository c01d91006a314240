import type { ReactNode } from 'react';
import {
  Button,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
  type FormListFieldData,
  type FormRule,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { TRANSFER_MODES, TRANSFER_MODE_LABELS, TRL_LEVELS } from '../../../../common/catalog';
import { useLabel, useT } from '../../i18n/locale';
import { fenToWan, wanToFen } from '../../lib/money';

/** An amount kept in fen and typed in 万元, so server errors on `priceFen` land on this input. */
export function WanInput({
  value,
  onChange,
  id,
  disabled,
  testId,
  placeholder,
}: {
  value?: number | null;
  onChange?: (fen: number | null) => void;
  id?: string;
  disabled?: boolean;
  testId?: string;
  placeholder?: string;
}) {
  const t = useT();
  return (
    <InputNumber<number>
      id={id}
      value={fenToWan(value)}
      onChange={(wan) => onChange?.(wanToFen(wan))}
      min={0}
      step={1}
      disabled={disabled}
      placeholder={placeholder}
      suffix={t('money.wan')}
      prefix="¥"
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}

/** The technology readiness levels, each with its definition, one to choose. */
export function TrlRadioGroup({ value, onChange, id }: { value?: number | null; onChange?: (v: number) => void; id?: string }) {
  const label = useLabel();
  return (
    <Radio.Group id={id} value={value} onChange={(e) => onChange?.(e.target.value as number)} style={{ width: '100%' }}>
      <Flex vertical gap={6}>
        {TRL_LEVELS.map((l) => (
          <Radio key={l.level} value={l.level} data-testid={`trl-${l.level}`}>
            <Typography.Text strong>TRL {l.level}</Typography.Text> <Typography.Text type="secondary">{label(l)}</Typography.Text>
          </Radio>
        ))}
      </Flex>
    </Radio.Group>
  );
}

/** Transfer (or cooperation) modes as checkboxes. */
export function ModeCheckboxes({ value, onChange }: { value?: string[]; onChange?: (v: string[]) => void }) {
  const label = useLabel();
  return (
    <Checkbox.Group value={value} onChange={(v) => onChange?.(v as string[])}>
      <Row gutter={[8, 8]}>
        {TRANSFER_MODES.map((m) => (
          <Col key={m} xs={12} md={8}>
            <Checkbox value={m} data-testid={`mode-${m}`}>
              {label(TRANSFER_MODE_LABELS[m])}
            </Checkbox>
          </Col>
        ))}
      </Row>
    </Checkbox.Group>
  );
}

/** Free keywords (at most 10), typed or picked from suggestions. */
export function KeywordsSelect({ value, onChange, id }: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const t = useT();
  return (
    <Select
      id={id}
      mode="tags"
      value={value}
      onChange={(v: string[]) =>
        onChange?.(
          v
            .map((k) => k.trim())
            .filter(Boolean)
            .slice(0, 10),
        )
      }
      tokenSeparators={[',', '，', '、', ';', '；']}
      placeholder={t('filing.keywordsPlaceholder')}
      open={false}
      suffixIcon={null}
      data-testid="keywords-select"
      style={{ width: '100%' }}
    />
  );
}

/** One input of a `FormRowsList` row: its name in the item, width, rules and placeholder; or, for anything else, `render`. */
export interface RowColumn {
  name: string;
  md: number;
  rules?: FormRule[];
  placeholder?: string;
  maxLength?: number;
  /** The input's `data-testid` is this, a dash and the row number. */
  testId?: string;
  render?: (field: FormListFieldData) => ReactNode;
}

/**
 * A Form.List as rows of inputs with a remove button each and an "add" button below (while fewer than `max`).
 * The last input column narrows on phones to leave room for the remove button.
 */
export function FormRowsList({
  name,
  columns,
  max,
  addLabel,
  addTestId,
  newItem = {},
  empty,
  align,
  gap,
}: {
  name: string;
  columns: RowColumn[];
  max?: number;
  addLabel: string;
  addTestId: string;
  newItem?: Record<string, unknown>;
  /** Shown when the list has no rows. */
  empty?: ReactNode;
  align?: 'top';
  gap?: number;
}) {
  const t = useT();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={gap}>
          {fields.length === 0 && empty}
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align={align}>
              {columns.map((c, i) => (
                <Col key={c.name} xs={i === columns.length - 1 ? 20 : 24} md={c.md}>
                  {c.render ? (
                    c.render(field)
                  ) : (
                    <Form.Item name={[field.name, c.name]} rules={c.rules}>
                      <Input placeholder={c.placeholder} maxLength={c.maxLength} data-testid={c.testId && `${c.testId}-${field.name}`} />
                    </Form.Item>
                  )}
                </Col>
              ))}
              <Col xs={4} md={2}>
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove')} />
              </Col>
            </Row>
          ))}
          {(max === undefined || fields.length < max) && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newItem)} data-testid={addTestId}>
              {addLabel}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

/** Form.List of contacts: name, phone, e-mail (shown to logged-in members only). */
export function ContactsList() {
  const t = useT();
  return (
    <FormRowsList
      name="contacts"
      align="top"
      gap={0}
      max={5}
      addLabel={t('filing.addContact')}
      addTestId="add-contact"
      columns={[
        {
          name: 'name',
          md: 6,
          rules: [{ required: true, whitespace: true, message: t('common.required') }],
          placeholder: t('filing.contactName'),
          maxLength: 50,
        },
        { name: 'phone', md: 8, placeholder: t('filing.contactPhone'), maxLength: 32 },
        {
          name: 'email',
          md: 8,
          rules: [{ type: 'email', message: t('login.emailInvalid') }],
          placeholder: t('filing.contactEmail'),
          maxLength: 200,
        },
      ]}
    />
  );
}
