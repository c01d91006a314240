import { useCallback } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useT } from '../i18n/locale';
import { zhCN, type MessageKey } from '../i18n/zh-CN';
import type { ProblemCode } from '../../../common/problems';
import { isApiProblem } from './api';

/** Codes whose detail says nothing the code does not: shown in the reader's language instead. */
const GENERIC_CODES = [
  'invalid_credentials',
  'account_locked',
  'rate_limited',
  'csrf_failed',
  'unauthenticated',
  'internal',
  'unavailable',
  'payload_too_large',
] as const satisfies readonly ProblemCode[];
type GenericCode = (typeof GENERIC_CODES)[number];
const isGeneric = (code: ProblemCode): code is GenericCode => (GENERIC_CODES as readonly string[]).includes(code);

/** `body.organization.creditCode` → ['organization', 'creditCode']; numeric segments become indices. */
export function fieldPath(field: string): (string | number)[] {
  const parts = field.split('.');
  if (parts[0] === 'body') parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts each field error of a problem beside its form field and reports the rest with a toast.
 * Returns a function for `onError` of a mutation.
 */
export function useProblemHandler() {
  const { message } = App.useApp();
  const t = useT();

  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!isApiProblem(error)) {
        message.error(error instanceof Error ? error.message : String(error));
        return;
      }
      const { problem } = error;
      if (problem.status === 0) {
        message.error(t('app.networkError'));
        return;
      }
      const unplaced: string[] = [];
      if (form && problem.errors?.length) {
        for (const fieldError of problem.errors) {
          const name = fieldPath(fieldError.field);
          const known = `serverField.${fieldError.message}`;
          const text = known in zhCN ? t(known as MessageKey) : fieldError.message;
          form.setFields([{ name, errors: [text] }]);
          // A field the form does not show keeps no error: report it in the toast instead.
          if (form.getFieldError(name).length === 0) unplaced.push(`${fieldError.field}: ${fieldError.message}`);
        }
        if (unplaced.length === 0) return;
        message.error(unplaced.join('; '));
        return;
      }
      message.error(isGeneric(problem.code) ? t(`problem.${problem.code}`) : (problem.detail ?? problem.title));
    },
    [message, t],
  );
}
