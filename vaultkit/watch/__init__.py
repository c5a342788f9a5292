"""`vaultkit watch`: keep the outputs fresh as notes change. Only this package imports watchdog."""
