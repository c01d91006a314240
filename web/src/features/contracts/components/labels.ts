import { CONTRACT_SUBTYPE_LABELS, CONTRACT_TYPE_LABELS, type ContractSubtype, type ContractType } from '../../../../../common/contracts';

/** `技术转让 · 专利权转让`: a contract's type with its subtype, if any. */
export function typeText(
  label: (l: { zh: string; en: string } | undefined, fallback?: string) => string,
  type: ContractType,
  subtype: string | null,
): string {
  const main = label(CONTRACT_TYPE_LABELS[type], type);
  return subtype ? `${main} · ${label(CONTRACT_SUBTYPE_LABELS[subtype as ContractSubtype], subtype)}` : main;
}
