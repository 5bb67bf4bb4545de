// The one way Homeward's rules learn the time: passed in, never read from the machine,
// so every rule that depends on time can be tested at any instant.

export interface Clock {
  now(): Date;
}
