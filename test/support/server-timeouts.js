// Integration and e2e tests talk to real servers and start real processes: give them minutes, not seconds.
jest.setTimeout(180_000);
