import { SecretRegistry } from './secret-registry.ts';
import type { ProviderSettings } from './provider-config.ts';
import type { CloudApi } from './cloud-api.ts';

/** Builds the cloud client once Configure has settled the settings; tests inject one bound to a temp cloud. */
export type ClientFactory = (settings: ProviderSettings) => Promise<CloudApi>;

/**
 * What one provider process knows between RPCs: its settings once configured, the client built from them,
 * and the secrets it has seen. Resource RPCs wait for Configure, since the engine may send Check first.
 */
export class ProviderState {
  readonly version: string;
  readonly secrets = new SecretRegistry();
  settings?: ProviderSettings;
  private readonly makeClient: ClientFactory;
  private client?: Promise<CloudApi>;
  private markConfigured!: () => void;
  readonly configured: Promise<void>;

  constructor(opts: { version: string; makeClient: ClientFactory }) {
    this.version = opts.version;
    this.makeClient = opts.makeClient;
    this.configured = new Promise((resolve) => {
      this.markConfigured = resolve;
    });
  }

  configure(settings: ProviderSettings): void {
    this.settings = settings;
    this.secrets.add(settings.token);
    this.client = undefined;
    this.markConfigured();
  }

  /** The client for the configured settings, built on first use so Check and Diff never open a connection. */
  async getClient(): Promise<CloudApi> {
    await this.configured;
    this.client ??= this.makeClient(this.settings ?? {});
    return this.client;
  }
}
