public enum ZanTestSupport {}
