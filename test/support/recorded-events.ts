import { EventSink, ForteEvent } from '../../src/application/ports/event-sink';

/** An event sink that keeps what it was told, for assertions on what was announced (and when). */
export class RecordedEvents implements EventSink {
  readonly events: ForteEvent[] = [];

  publish(event: ForteEvent): void {
    this.events.push(event);
  }

  ofType<T extends ForteEvent['type']>(type: T): Extract<ForteEvent, { type: T }>[] {
    return this.events.filter((event): event is Extract<ForteEvent, { type: T }> => event.type === type);
  }
}
