"""Use cases of money: checkout, payment events, fulfilment and the sweeps."""
