/** The notification types of Xsolla's webhook dictionary (its PHP SDK's `MessageFactory`). */
export const XSOLLA_NOTIFICATION_TYPES = [
  'payment',
  'refund',
  'partial_refund',
  'user_validation',
  'user_search',
  'user_balance_operation',
  'create_subscription',
  'cancel_subscription',
  'update_subscription',
  'order_paid',
  'order_canceled',
  'payment_account_add',
  'payment_account_remove',
  'partner_side_catalog',
  'redeem_key',
  'get_pincode',
  'afs_reject',
  'afs_black_list',
  'ps_declined',
  'dispute',
  'non_renewal_subscription',
] as const;

export type XsollaNotificationType = (typeof XSOLLA_NOTIFICATION_TYPES)[number];

/**
 * A notification type as metrics and logs name it: one of the dictionary, `other` for anything else (whatever a
 * sender writes must not grow a label without bound), `unverified` when the signature did not hold.
 */
export type XsollaTypeLabel = XsollaNotificationType | 'other' | 'unverified';

export const xsollaTypeLabel = (type: string): XsollaTypeLabel =>
  (XSOLLA_NOTIFICATION_TYPES as readonly string[]).includes(type) ? (type as XsollaNotificationType) : 'other';
