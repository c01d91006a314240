import { z } from 'zod';

/** GET /api/verify/{registrationNumber} (public): a registered contract's key facts, parties masked. */
export const PublicCertificateView = z.object({
  registrationNumber: z.string(),
  /** cancelled: the registration was cancelled after certification. */
  status: z.enum(['certified', 'cancelled']),
  type: z.string(),
  subtype: z.string().nullable(),
  signedOn: z.string(),
  certifiedOn: z.string(),
  contractAmountFen: z.number().int(),
  technologyTransactionAmountFen: z.number().int(),
  registrationPoint: z.string(),
  seller: z.string(),
  buyer: z.string(),
  /** The code printed on the certificate beside its QR code (derived from the number and the stated facts). */
  verificationCode: z.string(),
});
export type PublicCertificateView = z.infer<typeof PublicCertificateView>;
