import type { ReactNode } from 'react';
import { Button, Card, Flex, Steps } from 'antd';
import type { FormInstance } from 'antd';
import { useT } from '../../i18n/locale';

export interface FilingStep {
  key: string;
  title: string;
  /** Top-level form names this step owns: validated on "next", and where server errors send the user back to. */
  fields: string[];
  content: ReactNode;
}

interface Props {
  form: FormInstance;
  steps: FilingStep[];
  current: number;
  onCurrentChange: (step: number) => void;
  saving: boolean;
  canSubmit: boolean;
  onSave: (submit: boolean) => void;
}

/** The step bar and the previous / next / save-draft / submit buttons around a one-form, many-steps filing. */
export function FilingSteps({ form, steps, current, onCurrentChange, saving, canSubmit, onSave }: Props) {
  const t = useT();
  const last = current === steps.length - 1;
  const next = async () => {
    try {
      await form.validateFields(steps[current]!.fields, { recursive: true });
      onCurrentChange(current + 1);
    } catch {
      // antd shows the errors beside the fields
    }
  };
  return (
    <Card>
      <Steps
        current={current}
        size="small"
        onChange={(s) => (s < current ? onCurrentChange(s) : void next())}
        items={steps.map((s) => ({ title: s.title, key: s.key }))}
        style={{ marginBottom: 24 }}
        responsive
      />
      {/* Every step stays mounted (hidden) so its values and server errors survive moving around. */}
      {steps.map((s, i) => (
        <div key={s.key} style={{ display: i === current ? 'block' : 'none' }} data-testid={`filing-step-${s.key}`}>
          {s.content}
        </div>
      ))}
      <Flex justify="space-between" wrap gap={8} style={{ marginTop: 24 }}>
        <Button disabled={current === 0} onClick={() => onCurrentChange(current - 1)} data-testid="filing-prev">
          {t('filing.prev')}
        </Button>
        <Flex gap={8} wrap>
          <Button onClick={() => onSave(false)} loading={saving} data-testid="filing-save-draft">
            {t('filing.saveDraft')}
          </Button>
          {last ? (
            canSubmit && (
              <Button type="primary" onClick={() => onSave(true)} loading={saving} data-testid="filing-submit">
                {t('filing.submit')}
              </Button>
            )
          ) : (
            <Button type="primary" onClick={() => void next()} data-testid="filing-next">
              {t('filing.next')}
            </Button>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}

/** The first step holding a field with an error (after client or server validation), or -1. */
export function firstStepWithError(form: FormInstance, steps: FilingStep[]): number {
  const withErrors = form
    .getFieldsError()
    .filter((f) => f.errors.length > 0)
    .map((f) => String(f.name[0]));
  return steps.findIndex((s) => s.fields.some((name) => withErrors.includes(name)));
}

/** Drops empty strings and undefined from an object, so optional inputs left blank are not sent as "". */
export function compact<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== '' && v !== undefined && v !== null)) as T;
}
