import { Collection, Db, MongoServerError } from 'mongodb';

interface LeaseDocument {
  _id: string;
  owner: string;
  /** Fencing token: grows on every change of owner, so a paused former owner can tell it was replaced. */
  token: number;
  expiresAt: Date;
}

export interface OutboxLeaseOptions {
  name: string;
  owner: string;
  ttlMs: number;
  clock?: () => Date;
}

/**
 * A lease in MongoDB that lets one publisher drain the outbox at a time. The holder renews it well before it expires; another
 * process takes it over only once it has expired. Every write is conditional on the token it read, so two
 * contenders never both win, and a holder whose renewal fails stops at once.
 */
export class OutboxLease {
  private readonly leases: Collection<LeaseDocument>;
  private readonly clock: () => Date;
  private held: { token: number; expiresAt: number } | null = null;

  constructor(
    db: Db,
    private readonly options: OutboxLeaseOptions,
  ) {
    this.leases = db.collection<LeaseDocument>('relay_leases');
    this.clock = options.clock ?? (() => new Date());
  }

  /** True while this process holds an unexpired lease (with a safety margin for clock drift and pauses). */
  isHeld(): boolean {
    return this.held !== null && this.held.expiresAt - this.options.ttlMs / 4 > this.clock().getTime();
  }

  get token(): number | null {
    return this.held?.token ?? null;
  }

  /** Acquires a free or expired lease, or renews ours. Returns whether we hold it afterwards. */
  async tryAcquire(): Promise<boolean> {
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + this.options.ttlMs);
    const current = await this.leases.findOne({ _id: this.options.name });
    if (!current) {
      try {
        await this.leases.insertOne({ _id: this.options.name, owner: this.options.owner, token: 1, expiresAt });
        return this.hold(1, expiresAt);
      } catch (error) {
        if (error instanceof MongoServerError && error.code === 11000) return this.lose();
        throw error;
      }
    }
    const ours = current.owner === this.options.owner && current.token === this.held?.token;
    if (!ours && current.expiresAt.getTime() > now.getTime()) return this.lose();
    const token = ours ? current.token : current.token + 1;
    const result = await this.leases.updateOne(
      { _id: this.options.name, owner: current.owner, token: current.token },
      { $set: { owner: this.options.owner, token, expiresAt } },
    );
    return result.modifiedCount === 1 ? this.hold(token, expiresAt) : this.lose();
  }

  async release(): Promise<void> {
    if (!this.held) return;
    await this.leases.deleteOne({ _id: this.options.name, owner: this.options.owner, token: this.held.token });
    this.held = null;
  }

  private hold(token: number, expiresAt: Date): boolean {
    this.held = { token, expiresAt: expiresAt.getTime() };
    return true;
  }

  private lose(): boolean {
    this.held = null;
    return false;
  }
}
