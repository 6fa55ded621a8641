import { Clock } from './ports/clock';
import { UnitOfWork } from './ports/unit-of-work';
import { MirrorBacklog } from './ports/wallet-mirror-repository';

/** The failing wallets a backlog lists at most. */
export const FAILING_LISTED = 20;

/** `forte-cli xsolla status`: the balance changes not yet brought to Xsolla, and the wallets that keep failing. */
export class GetMirrorBacklog {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(): Promise<MirrorBacklog> {
    return this.uow.read((reads) => reads.walletMirror.backlog(this.clock.now(), FAILING_LISTED));
  }
}
