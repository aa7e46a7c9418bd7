/** Errors the simulator runtime raises. Each has a stable `code`. */
export class SimulatorError extends Error {
  override name = 'SimulatorError';
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class SimulatorPortInUseError extends SimulatorError {
  override name = 'SimulatorPortInUseError';
  constructor(
    readonly kind: string,
    readonly port: number,
    readonly envVar: string,
    cause?: unknown,
  ) {
    super('SIM_PORT_IN_USE', `the ${kind} simulator cannot listen on port ${port}: it is already in use (choose another with ${envVar})`, { cause });
  }
}

export class SimulatorConfigError extends SimulatorError {
  override name = 'SimulatorConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super('SIM_BAD_CONFIG', `${variable}: ${message}`);
  }
}
