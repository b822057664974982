# rename: ready#1 done
# refuse: setattr() names `ready` in a string
class Job:
    def __init__(self):
        self.ready = False


def finish(job):
    setattr(job, "ready", True)
