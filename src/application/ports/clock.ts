/** Where "now" comes from, so day boundaries and expiry can be tested with a fixed time. */
export interface Clock {
  now(): Date;
}
