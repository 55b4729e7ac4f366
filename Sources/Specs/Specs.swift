// Specs: mechanism specs (TOML) and vote files.
// (overview to be completed with the module)
