/** URLSearchParams that remembers which names a handler read (the contract tests check them against the OpenAPI doc). */
export class TrackedParams extends URLSearchParams {
  readonly read = new Set<string>();

  override get(name: string): string | null {
    this.read.add(name);
    return super.get(name);
  }

  override getAll(name: string): string[] {
    this.read.add(name);
    return super.getAll(name);
  }

  override has(name: string, value?: string): boolean {
    this.read.add(name);
    return value === undefined ? super.has(name) : super.has(name, value);
  }
}
