package com.example.shop;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

public class Accounts {

    private static final String DB_PASSWORD = "hunter2-not-a-real-password";

    public ResultSet find(String name) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:h2:mem:shop", "shop", DB_PASSWORD);
        Statement statement = connection.createStatement();
        return statement.executeQuery("SELECT * FROM accounts WHERE name = '" + name + "'");
    }

    public String resetToken() {
        return Long.toHexString(new Random().nextLong());
    }

    public byte[] fingerprint(String password) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("MD5").digest(password.getBytes());
    }
}
