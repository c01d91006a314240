/**
 * The records a screening is about, read through their owners' functions: an achievement (catalog),
 * a deal (trading), a contract application (contracts). Each gives the text to screen, the party in
 * mainland China and the party outside it.
 */
import type { ScreeningSubject } from '../../../common/api/export-control.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { achievementForScreening } from '../catalog/lookups.js';
import { technicalFieldNames } from '../catalog/repository.js';
import { loadContract } from '../contracts/records.js';
import { organizationPlaces, outsideMainland } from '../organizations/lookups.js';
import { loadDeal } from '../trading/records.js';
import type { ScreeningText } from './match.js';

export interface SubjectFacts {
  subject: ScreeningSubject;
  id: string;
  achievementId: string | null;
  title: string;
  text: ScreeningText;
  domesticOrganizationId: string | null;
  /** The domestic party's region path (which officer reviews); the platform city when unknown. */
  regionPath: string;
  foreignOrganizationId: string | null;
  foreignCountry: string | null;
  /** A party in mainland China transfers to a party outside it. */
  crossBorder: boolean;
}

const CITY_PATH = '/120000/';

async function placeOf(db: DbOrTx, id: string | null) {
  return id ? ((await organizationPlaces(db, [id])).get(id) ?? null) : null;
}

export async function loadSubject(
  db: DbOrTx,
  subject: ScreeningSubject,
  id: string,
  counterparty: { organizationId?: string; country?: string } = {},
): Promise<SubjectFacts> {
  if (subject === 'achievement') {
    const a = await achievementForScreening(db, id);
    if (!a) throw AppError.notFound('Achievement');
    const owner = await placeOf(db, a.organizationId);
    const other = await placeOf(db, counterparty.organizationId ?? null);
    if (counterparty.organizationId && !other) throw AppError.validation('body.counterpartyOrganizationId', 'is not a known organisation');
    const foreignCountry = other?.country ?? counterparty.country ?? null;
    return {
      subject,
      id,
      achievementId: id,
      title: a.title,
      text: { title: a.title, keywords: a.keywords, fieldName: a.fieldName, body: a.body },
      domesticOrganizationId: a.organizationId,
      regionPath: owner?.regionPath ?? CITY_PATH,
      foreignOrganizationId: other?.id ?? null,
      foreignCountry,
      crossBorder: !outsideMainland(owner?.country ?? 'CN') && foreignCountry !== null && outsideMainland(foreignCountry),
    };
  }
  if (subject === 'deal') {
    const d = await loadDeal(db, id);
    if (!d) throw AppError.notFound('Deal');
    const places = await organizationPlaces(db, [d.row.sellerOrganizationId, d.row.buyerOrganizationId]);
    const seller = places.get(d.row.sellerOrganizationId);
    const buyer = places.get(d.row.buyerOrganizationId);
    const achievement = await achievementForScreening(db, d.row.achievementId);
    const fieldName = (await technicalFieldNames(db, [d.row.fieldCode])).get(d.row.fieldCode) ?? null;
    return {
      subject,
      id,
      achievementId: d.row.achievementId,
      title: d.row.title,
      text: {
        title: d.row.title,
        keywords: achievement?.keywords ?? [],
        fieldName,
        body: [d.row.achievementSummary, achievement?.body].filter(Boolean).join('\n'),
      },
      domesticOrganizationId: d.row.sellerOrganizationId,
      regionPath: seller?.regionPath ?? CITY_PATH,
      foreignOrganizationId: buyer && outsideMainland(buyer.country) ? buyer.id : null,
      foreignCountry: buyer && outsideMainland(buyer.country) ? buyer.country : null,
      crossBorder: !outsideMainland(seller?.country ?? 'CN') && !!buyer && outsideMainland(buyer.country),
    };
  }
  const c = await loadContract(db, id);
  if (!c) throw AppError.notFound('Contract');
  const r = c.row;
  const domesticId = r.sellerOrganizationId ?? r.organizationId;
  const seller = await placeOf(db, domesticId);
  const exportsTechnology = !outsideMainland(r.sellerCountry) && outsideMainland(r.buyerCountry);
  return {
    subject,
    id,
    achievementId: null,
    title: r.title,
    text: { title: r.title, keywords: c.row.ipInvolved.map((a) => a.title), fieldName: c.fieldName, body: r.subject },
    domesticOrganizationId: domesticId,
    regionPath: seller?.regionPath ?? c.registrationPoint.regionPath,
    foreignOrganizationId: exportsTechnology ? r.buyerOrganizationId : null,
    foreignCountry: exportsTechnology ? r.buyerCountry : null,
    crossBorder: exportsTechnology,
  };
}
