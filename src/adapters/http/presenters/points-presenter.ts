import { z } from 'zod';
import { PointsChanged } from '../../../application/change-points';
import { PointsChangedResponse } from '../schemas/points-schemas';
import { presentReceipt } from './receipt-presenter';

/** `receipt_id` sits at the top level because the bots already in service read it there. */
export const presentPointsChanged = (changed: PointsChanged): z.infer<typeof PointsChangedResponse> => ({
  receipt_id: changed.receipt.id,
  points: changed.points,
  receipt: presentReceipt(changed.receipt),
});
