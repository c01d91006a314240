import { z } from 'zod';
import { PublicCertificateView } from '../../../common/api/verify.js';
import { AppError } from '../../lib/errors.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { verifyRegistration } from './verify.js';

/** The public check behind the certificate's QR code: GET /api/verify/{registration number}. */
export const verifyRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;
  app.get('/api/verify/:registrationNumber', {
    config: { access: 'public' },
    schema: {
      tags: ['contracts'],
      summary: "A registered contract's public facts by its registration number (parties masked)",
      params: z.object({ registrationNumber: z.string().trim().min(1).max(64) }),
      response: { 200: PublicCertificateView },
    },
    handler: async (req) => {
      const found = await verifyRegistration({ db, registrationNumber: req.params.registrationNumber });
      if (!found) throw AppError.notFound('Registration number');
      return found;
    },
  });
};
