import type { EventRegistration } from '@cm/domain';
import { UnknownEventTypeError } from './errors';

/** A pure function from the data of one schema version to the next one's. */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast: (data: unknown) => unknown;
}

/**
 * Stored event names are stable strings registered here, separate from any class name. Old schema versions are
 * upcast on read, one version step at a time, so the stored bytes (and their hashes) never change.
 */
export class EventTypeRegistry {
  private readonly current = new Map<string, EventRegistration>();
  private readonly upcasters = new Map<string, Upcaster>();

  constructor(registrations: readonly EventRegistration[] = [], upcasters: readonly Upcaster[] = []) {
    registrations.forEach((registration) => this.register(registration));
    upcasters.forEach((upcaster) => this.addUpcaster(upcaster));
  }

  register(registration: EventRegistration): this {
    const known = this.current.get(registration.type);
    if (known && known.streamType !== registration.streamType) {
      throw new Error(`event type ${registration.type} is already registered for ${known.streamType}`);
    }
    this.current.set(registration.type, registration);
    return this;
  }

  addUpcaster(upcaster: Upcaster): this {
    this.upcasters.set(`${upcaster.type}@${upcaster.fromVersion}`, upcaster);
    return this;
  }

  /** The registration an event must have to be appended to a stream of this type. */
  registrationFor(type: string, streamType: string): EventRegistration {
    const registration = this.current.get(type);
    if (!registration || registration.streamType !== streamType) throw new UnknownEventTypeError(type, 0);
    return registration;
  }

  /** Brings stored data up to the current schema version; unknown older versions are an error, not a guess. */
  upcast(type: string, schemaVersion: number, data: unknown): { schemaVersion: number; data: unknown } {
    const target = this.current.get(type)?.schemaVersion ?? schemaVersion;
    let version = schemaVersion;
    let upcastData = data;
    while (version < target) {
      const upcaster = this.upcasters.get(`${type}@${version}`);
      if (!upcaster) throw new UnknownEventTypeError(type, version);
      upcastData = upcaster.upcast(upcastData);
      version += 1;
    }
    return { schemaVersion: version, data: upcastData };
  }
}
