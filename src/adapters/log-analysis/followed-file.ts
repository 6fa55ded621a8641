import { promises as fs } from 'node:fs';
import { InputOutcome } from './input-outcome';
import { InputLines, LineFeed } from './line-feed';
import { startsGzipped } from './log-input';

const CHUNK = 1 << 20;
const GZIPPED = 'gzip-compressed: --follow reads plain text as it grows (read it without --follow)';

/**
 * A file read as it grows (`--follow`), like `tail -F`: each call reads what was appended since the last one.
 * When the name comes to point to another file (rotation by rename), the old file is read to its end and closed,
 * and the new one read from its start; a file cut shorter in place (copytruncate) is read again from its start.
 * A line cut by the end of what was written so far waits, in the file's own splitter, for the rest.
 */
export class FollowedFile {
  readonly outcome: InputOutcome;
  private handle: fs.FileHandle | null = null;
  private inode = -1;
  private position = 0;
  private lines: InputLines | null = null;
  private counted = 0;
  /** The inode of a gzip-compressed file found under the name: not read (compressed bytes are not lines). */
  private compressedInode = -1;

  constructor(
    private readonly name: string,
    private readonly feed: LineFeed,
    private readonly buffer: Buffer = Buffer.allocUnsafe(CHUNK),
  ) {
    this.outcome = { name, lines: 0 };
  }

  /**
   * Reads what is new; a file that is not there (yet, or mid-rotation) is waited for, and its outcome says so until
   * it comes.
   */
  async readNew(): Promise<void> {
    const stat = await fs.stat(this.name).catch(() => null);
    if (this.handle && (!stat || stat.ino !== this.inode)) {
      await this.drain();
      await this.close();
    } else if (this.handle && stat && stat.size < this.position) {
      this.restartInput();
      this.position = 0;
    }
    if (!this.handle && stat?.isFile() && stat.ino !== this.compressedInode) {
      this.handle = await fs.open(this.name, 'r');
      this.inode = stat.ino;
      this.position = 0;
      this.restartInput();
    }
    if (this.handle) await this.drain();
    // Told in the report while it lasts, as tail -F tells it: a misspelt name would otherwise wait unseen.
    if (this.handle) delete this.outcome.error;
    else if (stat && stat.ino === this.compressedInode) this.outcome.error = GZIPPED;
    else this.outcome.error = stat ? 'not a regular file: waiting for one' : 'no such file yet: waiting for it';
    this.outcome.lines = this.counted + (this.lines?.count ?? 0);
  }

  async close(): Promise<void> {
    this.endInput();
    await this.handle?.close();
    this.handle = null;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const { bytesRead } = await this.handle!.read(this.buffer, 0, this.buffer.length, this.position);
      if (bytesRead === 0) return;
      if (this.position === 0 && startsGzipped(this.buffer.subarray(0, bytesRead))) {
        this.compressedInode = this.inode;
        await this.close();
        return;
      }
      this.position += bytesRead;
      this.lines!.push(this.buffer.subarray(0, bytesRead));
    }
  }

  private restartInput(): void {
    this.endInput();
    this.lines = this.feed.openInput(this.name);
  }

  private endInput(): void {
    if (!this.lines) return;
    this.lines.end();
    this.counted += this.lines.count;
    this.lines = null;
  }
}
