import a

fn = getattr(a, "compute")
