import fc from 'fast-check';

/** The notifications of one Xsolla payment, in the order Xsolla would send them. */
export const PAYMENT_NOTIFICATIONS = [
  'payment',
  'order_paid',
  'refund',
  'partial_refund',
  'afs_reject',
  'user_balance_operation',
] as const;

export type PaymentNotification = (typeof PAYMENT_NOTIFICATIONS)[number];

/** Points and items by their place in a catalogue of two SKUs. */
export interface Bought {
  points: number;
  first: number;
  second: number;
}

/** Some of a payment's notifications, each delivered one to three times, in any order. */
export interface PaymentScenario {
  /** What the payment (and its `order_paid` twin) bought. */
  paid: Bought;
  /** What the partial refund lists. */
  partial: Bought;
  wallet: { operationType: string; diff: number };
  /** The notifications sent, each once, in Xsolla's order: what the deliveries must come to. */
  sent: PaymentNotification[];
  deliveries: PaymentNotification[];
}

const bought = (maxPoints: number, maxFirst: number, maxSecond: number): fc.Arbitrary<Bought> =>
  fc.record({
    points: fc.integer({ min: 0, max: maxPoints }),
    first: fc.integer({ min: 0, max: maxFirst }),
    second: fc.integer({ min: 0, max: maxSecond }),
  });

export const aPaymentScenario = (): fc.Arbitrary<PaymentScenario> =>
  fc
    .record({
      paid: bought(1000, 3, 2),
      partial: bought(1200, 4, 1),
      wallet: fc.record({
        operationType: fc.constantFrom('inGamePurchase', 'coupon', 'payment', 'internal'),
        diff: fc.integer({ min: -300, max: 300 }),
      }),
      sent: fc.subarray([...PAYMENT_NOTIFICATIONS], { minLength: 1 }),
    })
    .chain((scenario) =>
      fc
        .tuple(...scenario.sent.map(() => fc.integer({ min: 1, max: 3 })))
        .chain((copies) => {
          const all = scenario.sent.flatMap((name, n) => Array.from({ length: copies[n] ?? 1 }, () => name));
          return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
        })
        .map((deliveries) => ({ ...scenario, deliveries })),
    );
