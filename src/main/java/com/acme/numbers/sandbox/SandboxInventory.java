package com.acme.numbers.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * The sandbox's numbers: generated from a seed, so the same seed gives the same numbers on every run. Local
 * numbers cover many NANP area codes, each with its state, city, rate center, LATA and zip; toll-free numbers
 * cover the 8XX codes. A few vanity numbers are always present so vanity searches find something.
 */
final class SandboxInventory {

    /** One number and where it is. */
    record Tn(String number, String state, String city, String rateCenter, String lata, String zip, boolean tollFree,
            boolean protectedNumber) {

        String npa() {
            return number.substring(0, 3);
        }
    }

    private record Area(String npa, String state, String city, String rateCenter, String lata, String zip) {
    }

    private static final List<Area> AREAS = List.of(
            new Area("919", "NC", "RALEIGH", "RALEIGH", "426", "27601"),
            new Area("984", "NC", "CARY", "CARY", "426", "27511"),
            new Area("704", "NC", "CHARLOTTE", "CHARLOTTE", "420", "28202"),
            new Area("212", "NY", "NEW YORK", "NWYRCYZN01", "132", "10001"),
            new Area("646", "NY", "NEW YORK", "NWYRCYZN03", "132", "10016"),
            new Area("415", "CA", "SAN FRANCISCO", "SNFC CNTRL", "722", "94102"),
            new Area("510", "CA", "OAKLAND", "OKLD", "722", "94612"),
            new Area("213", "CA", "LOS ANGELES", "LSAN DA 01", "730", "90012"),
            new Area("312", "IL", "CHICAGO", "CHICAGO", "358", "60601"),
            new Area("617", "MA", "BOSTON", "BOSTON", "128", "02108"),
            new Area("206", "WA", "SEATTLE", "SEATTLE", "674", "98101"),
            new Area("303", "CO", "DENVER", "DENVER", "656", "80202"),
            new Area("512", "TX", "AUSTIN", "AUSTIN", "558", "78701"),
            new Area("214", "TX", "DALLAS", "DALLAS", "552", "75201"),
            new Area("305", "FL", "MIAMI", "MIAMI", "460", "33101"),
            new Area("404", "GA", "ATLANTA", "ATLANTA", "438", "30303"),
            new Area("602", "AZ", "PHOENIX", "PHOENIX", "666", "85003"),
            new Area("503", "OR", "PORTLAND", "PORTLAND", "672", "97201"),
            new Area("612", "MN", "MINNEAPOLIS", "MPLS", "628", "55401"),
            new Area("215", "PA", "PHILADELPHIA", "PHLA", "228", "19102"),
            new Area("202", "DC", "WASHINGTON", "WASHINGTON", "236", "20001"),
            new Area("702", "NV", "LAS VEGAS", "LAS VEGAS", "721", "89101"),
            new Area("801", "UT", "SALT LAKE CITY", "SALTLAKCTY", "660", "84101"),
            new Area("435", "UT", "CEDAR CITY", "CEDARCITY", "660", "84720"),
            new Area("313", "MI", "DETROIT", "DETROIT", "340", "48201"),
            new Area("609", "NJ", "ALLENTOWN", "ALLENTOWN", "222", "08501"),
            new Area("201", "NJ", "JERSEY CITY", "JERSEYCITY", "224", "07302"),
            new Area("615", "TN", "NASHVILLE", "NASHVILLE", "468", "37201"),
            new Area("314", "MO", "ST LOUIS", "ST LOUIS", "520", "63101"),
            new Area("808", "HI", "HONOLULU", "HONOLULU", "834", "96813"));

    private static final List<String> TOLL_FREE = List.of("800", "833", "844", "855", "866", "877", "888");
    /** CAFE, TAXI, HELP and FOOD on the keypad, as line numbers; FLOWERS for toll-free. */
    private static final List<String> VANITY_LINES = List.of("2233", "8294", "4357", "3663");
    private static final String TOLL_FREE_VANITY = "3569377";
    private static final int EXCHANGES_PER_AREA = 2;
    private static final int NUMBERS_PER_EXCHANGE = 100;
    private static final int TOLL_FREE_PER_CODE = 60;

    private final Map<String, Tn> byNumber;

    SandboxInventory(long seed) {
        Random random = new Random(seed);
        Map<String, Tn> numbers = new LinkedHashMap<>();
        for (Area area : AREAS) {
            addArea(area, random, numbers);
        }
        for (String npa : TOLL_FREE) {
            addTollFree(npa, random, numbers);
        }
        this.byNumber = Collections.unmodifiableMap(numbers);
    }

    Tn find(String number) {
        return byNumber.get(number);
    }

    List<Tn> all() {
        return new ArrayList<>(byNumber.values());
    }

    private static void addArea(Area area, Random random, Map<String, Tn> numbers) {
        TreeSet<String> exchanges = new TreeSet<>();
        while (exchanges.size() < EXCHANGES_PER_AREA) {
            exchanges.add(exchange(random));
        }
        for (String nxx : exchanges) {
            TreeSet<String> lines = new TreeSet<>();
            while (lines.size() < NUMBERS_PER_EXCHANGE) {
                lines.add(String.format("%04d", random.nextInt(10_000)));
            }
            lines.addAll(VANITY_LINES);
            for (String line : lines) {
                String number = area.npa() + nxx + line;
                numbers.put(number, new Tn(number, area.state(), area.city(), area.rateCenter(), area.lata(),
                        area.zip(), false, random.nextInt(20) == 0));
            }
        }
    }

    private static void addTollFree(String npa, Random random, Map<String, Tn> numbers) {
        TreeSet<String> rest = new TreeSet<>();
        rest.add(TOLL_FREE_VANITY);
        while (rest.size() < TOLL_FREE_PER_CODE) {
            String candidate = exchange(random) + String.format("%04d", random.nextInt(10_000));
            rest.add(candidate);
        }
        for (String digits : rest) {
            String number = npa + digits;
            numbers.put(number, new Tn(number, null, null, null, null, null, true, false));
        }
    }

    /** An exchange code: first digit 2-9 and never an N11 service code. */
    private static String exchange(Random random) {
        while (true) {
            String nxx = (2 + random.nextInt(8)) + String.format("%02d", random.nextInt(100));
            if (!nxx.endsWith("11")) {
                return nxx;
            }
        }
    }
}
