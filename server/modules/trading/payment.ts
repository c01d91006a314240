import { AppError } from '../../lib/errors.js';

/**
 * Money is recorded here, not moved. A payment channel says whether a payment (a deposit, the
 * price, a refund) really happened; the trading services record the outcome in their own
 * transaction. `manual` is the trading centre's staff entering what the bank statement shows; a
 * real channel (a bank's or a payment provider's API) implements the same interface later. The
 * channel in use is the app's (`app.ctx.paymentChannel`: manual unless buildApp is given another).
 */
export type PaymentKind = 'deposit' | 'payment' | 'refund';

export interface PaymentClaim {
  kind: PaymentKind;
  /** What is owed, in fen. */
  expectedFen: number;
  /** What the confirmer says was received (or paid back), in fen; refunds repay exactly what was held. */
  amountFen: number;
  /** The bank or channel reference. */
  reference: string;
}

export interface PaymentChannel {
  readonly name: string;
  /** Accepts the claim (returning the reference to record) or throws a problem naming the field. */
  verify(claim: PaymentClaim): Promise<{ reference: string }>;
}

/** Staff confirm from the bank statement: the reference must be given and the amount must cover what is owed. */
export const manualPaymentChannel: PaymentChannel = {
  name: 'manual',
  async verify(claim) {
    const reference = claim.reference.trim();
    if (!reference) throw AppError.validation('body.reference', 'give the payment reference');
    if (claim.kind === 'deposit' && claim.amountFen < claim.expectedFen) {
      throw AppError.validation('body.amountFen', `the deposit is ${claim.expectedFen} fen; ${claim.amountFen} does not cover it`);
    }
    if (claim.kind === 'payment' && claim.amountFen !== claim.expectedFen) {
      throw AppError.validation('body.amountFen', `the amount due is ${claim.expectedFen} fen (price less the deposit applied)`);
    }
    return { reference };
  },
};
