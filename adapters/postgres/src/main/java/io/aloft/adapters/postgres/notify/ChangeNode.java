package io.aloft.adapters.postgres.notify;

/** This manager's identity in the change notices ({@link ChangeNotice#node()}). */
public record ChangeNode(String id) {}
