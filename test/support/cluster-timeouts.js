// The cluster proof starts a three-broker cluster and six apps and waits out four faults: one budget for all of it.
jest.setTimeout(1_200_000);
