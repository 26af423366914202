import hashlib
import pickle
import subprocess
import yaml

API_PASSWORD = "hunter2"


def load_order(blob):
    return pickle.loads(blob)


def load_config(text):
    return yaml.load(text)


def archive(name):
    return subprocess.call("tar czf /tmp/orders.tgz " + name, shell=True)


def checksum(data):
    return hashlib.md5(data).hexdigest()


def ping(host):
    subprocess.call("ping -c 1 " + host, shell=True)  # nosec


def evaluate(expression):
    return eval(expression)
