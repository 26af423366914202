package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServlet;

/** The servlet that maps URLs onto objects. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}; declared as a type only. */
public class Stapler extends HttpServlet {}
