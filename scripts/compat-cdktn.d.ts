// Types of compat-cdktn.js (the parts the tests import).

/** The README's package.json block for a cdktn consumer, and the cdktn version of its alias. */
export interface CdktnFragment {
  readonly dependencies: Record<string, string>;
  readonly overrides: Record<string, Record<string, string>>;
  readonly cdktnVersion: string;
}

export function cdktnFragment(readme?: string): CdktnFragment;
export function withCdktn<T extends object>(manifest: T, fragment: CdktnFragment): T & { overrides: CdktnFragment["overrides"] };
