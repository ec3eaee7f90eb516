NEEDS = ("meetings",)
PRODUCES = ("positions",)
def extract(ctx): pass
