from base import Base


class Job(Base):
    def run(self):
        return self.execute()
