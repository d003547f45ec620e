/** Thrown inside the verifier when its deadline passes; verify() turns it into a timeout verdict. */
export class DeadlineExceeded extends Error {
  constructor() {
    super('the math verification deadline passed');
  }
}

/** A performance.now()-based deadline checked between expensive stages. */
export class Budget {
  constructor(readonly deadline: number) {}

  check(): void {
    if (performance.now() > this.deadline) throw new DeadlineExceeded();
  }

  remainingMs(): number {
    return this.deadline - performance.now();
  }
}
