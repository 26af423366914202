/**
 * What runs where and what happened, read for a job or a folder: the rows a job page, a folder board
 * or any other front door shows, built from the history and the post-deploy watches. It only reads.
 */
package io.genesis.core.board;
