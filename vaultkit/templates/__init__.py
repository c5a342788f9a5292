"""Templates the user can edit: where each comes from (sources), rendered in a sandbox (engine,
sandbox), and `check`'s trial of the vault's own (check). The built-in ones are in
vaultkit/default_templates/. Importing this package loads no Jinja2."""
