import { classifyAgent } from './user-agent-class';

/** Names as small ints, one space for a panel's items and categories (GoAccess keys both in one map). */
export class NameIds {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  idOf(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
}

/**
 * Each agent's keys in GoAccess's OS and browsers panels, worked out once per distinct agent: four ints per agent
 * (OS item, OS category, browser item, browser category), all -1 for an empty agent, which GoAccess leaves out of
 * both panels.
 */
export class AgentPanelKeys {
  readonly systems = new NameIds();
  readonly browsers = new NameIds();
  private keys = new Int32Array(4 * 256);
  private learned = 0;

  constructor(private readonly textOf: (agentId: number) => string) {}

  /** The agent's four keys start at the returned offset of `table`. */
  offsetOf(agentId: number): number {
    while (agentId >= this.learned) this.learn(this.learned++);
    return agentId * 4;
  }

  get table(): Int32Array {
    return this.keys;
  }

  private learn(agentId: number): void {
    if (agentId * 4 + 4 > this.keys.length) {
      const grown = new Int32Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    const text = this.textOf(agentId);
    if (!text.trim()) {
      this.keys.fill(-1, agentId * 4, agentId * 4 + 4);
      return;
    }
    const { os, browser } = classifyAgent(text);
    this.keys.set(
      [
        this.systems.idOf(os.name),
        this.systems.idOf(os.type),
        this.browsers.idOf(browser.name),
        this.browsers.idOf(browser.type),
      ],
      agentId * 4,
    );
  }
}
