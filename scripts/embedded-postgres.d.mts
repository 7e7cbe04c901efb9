export interface EmbeddedPostgres {
  readonly port: number;
  /** The URL of `database` on this server, as user postgres. */
  url(database: string): string;
  /** Starts it again after `stop`, on the same port with the same data. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it and deletes its folder. */
  destroy(): Promise<void>;
}

export function startEmbeddedPostgres(options: {
  readonly folder: string;
  readonly password: string;
  readonly onLog?: (text: string) => void;
}): Promise<EmbeddedPostgres>;

export function createDatabase(adminUrl: string, name: string): Promise<void>;
